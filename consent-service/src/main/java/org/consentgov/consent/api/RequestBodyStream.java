package org.consentgov.consent.api;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A request body as a blocking stream with explicit flow control and a byte limit: at most {@link #HIGH_WATER}
 * chunks are held, then the request is paused until the reader has taken them, and more than {@code limit} bytes
 * end the stream with {@link TooLarge}. The bound does not depend on how Quarkus REST buffers an
 * {@code InputStream} parameter, and {@code ConsentImportMemoryIT} checks it with a service heap far smaller than
 * the file. (The heap did fill up once: through an h2c upgrade, which {@link NoCleartextHttp2} now refuses.)
 * Read on a worker thread; Vert.x calls the handlers on the event loop.
 */
final class RequestBodyStream extends InputStream {

    /** Thrown when the body grows past the limit. */
    static final class TooLarge extends IOException {
        final long limit;

        TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    static final int HIGH_WATER = 16;
    private static final int LOW_WATER = 4;
    private static final long IDLE_TIMEOUT_MINUTES = 5;

    private final HttpServerRequest request;
    private final long limit;
    private final Deque<Buffer> chunks = new ArrayDeque<>();
    private boolean ended;
    private boolean paused;
    private Throwable failure;
    private ByteBuf current;
    private long total;

    RequestBodyStream(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
        request.pause();
        request.handler(this::chunk);
        request.endHandler(v -> end(null));
        request.exceptionHandler(this::end);
        if (request.isEnded()) {
            ended = true;
        } else {
            request.resume();
        }
    }

    private void chunk(Buffer buffer) {
        synchronized (chunks) {
            chunks.add(buffer);
            if (chunks.size() >= HIGH_WATER && !paused) {
                paused = true;
                request.pause();
            }
            chunks.notifyAll();
        }
    }

    private void end(Throwable error) {
        synchronized (chunks) {
            ended = true;
            failure = error;
            chunks.notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || !current.isReadable()) {
            current = next();
            if (current == null) {
                return -1;
            }
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    private ByteBuf next() throws IOException {
        synchronized (chunks) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(IDLE_TIMEOUT_MINUTES);
            while (chunks.isEmpty() && !ended) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    throw new IOException("no data from the client for " + IDLE_TIMEOUT_MINUTES + " minutes");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(chunks, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the request body");
                }
            }
            Buffer buffer = chunks.poll();
            if (paused && chunks.size() <= LOW_WATER) {
                paused = false;
                request.resume();
            }
            if (buffer == null) {
                if (failure != null) {
                    throw new IOException("the request body could not be read: " + failure.getMessage(), failure);
                }
                return null;
            }
            total += buffer.length();
            if (total > limit) {
                throw new TooLarge(limit);
            }
            return buffer.getByteBuf();
        }
    }
}
