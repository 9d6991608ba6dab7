package org.consentgov.platform.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Bodies that are not well-formed JSON, made from a valid one. */
record RawJson(String how, byte[] bytes) {

    static RawJson breaking(String valid, Random random) {
        return switch (random.nextInt(16)) {
            case 0 ->
                text(
                        "truncated",
                        valid.substring(
                                0, Math.max(0, valid.length() - 1 - random.nextInt(Math.max(1, valid.length())))));
            case 1 -> text("trailing-garbage", valid + "}{]garbage");
            case 2 -> text("empty", "");
            case 3 -> text("literal-null", "null");
            case 4 -> text("single-quotes", valid.replace('"', '\''));
            case 5 -> text("unquoted-keys", valid.replaceAll("\"(\\w+)\":", "$1:"));
            case 6 -> text("deep-nesting", "[".repeat(2000 + random.nextInt(20000)) + "]".repeat(10));
            case 7 -> text("nan", valid.startsWith("{") ? "{\"x\":NaN," + valid.substring(1) : "NaN");
            case 8 -> text("comment", "/* c */" + valid);
            case 9 ->
                text(
                        "duplicate-keys",
                        valid.startsWith("{\"")
                                ? valid.replaceFirst("^\\{(\"[^\"]+\":)", "{$1 1, $1")
                                : "{\"a\":1,\"a\":2}");
            case 10 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] start = valid.getBytes(StandardCharsets.UTF_8);
                out.write(start, 0, Math.min(start.length, 2));
                out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
                out.write(start, Math.min(start.length, 2), Math.max(0, start.length - 2));
                yield new RawJson("invalid-utf8", out.toByteArray());
            }
            case 11 -> {
                byte[] body = valid.getBytes(StandardCharsets.UTF_8);
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] out = new byte[body.length + 3];
                System.arraycopy(bom, 0, out, 0, 3);
                System.arraycopy(body, 0, out, 3, body.length);
                yield new RawJson("utf8-bom", out);
            }
            case 12 -> text("raw-nul", valid.isEmpty() ? "\u0000" : valid.charAt(0) + "\u0000" + valid.substring(1));
            case 13 -> text("huge-string", "\"" + "a".repeat(1_000_000) + "\"");
            case 14 ->
                text(
                        "long-number",
                        valid.startsWith("{")
                                ? "{\"x\":" + "9".repeat(5000) + "," + valid.substring(1)
                                : "9".repeat(5000));
            default -> text("wrong-root", valid.startsWith("[") ? "{}" : "[" + valid + "]");
        };
    }

    private static RawJson text(String how, String text) {
        return new RawJson(how, text.getBytes(StandardCharsets.UTF_8));
    }
}
