import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { IdentifierInput, type IdentifierValue } from "./IdentifierInput";

function Harness() {
  const [value, setValue] = useState<IdentifierValue>({ system: "nhs-number", raw: "" });
  const [touched, setTouched] = useState(false);
  return <IdentifierInput value={value} onChange={setValue} touched={touched} onTouched={() => setTouched(true)} />;
}

const error = () => document.getElementById("field-identifier-error");

describe("the identifier field", () => {
  it("stays quiet while first typed, shows the problem beside the field after the first blur, then follows the typing", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole("textbox", { name: "NHS number" });
    await user.type(input, "943 476 591");
    expect(error()).toBeNull();
    await user.tab();
    expect(error()?.textContent).toContain("An NHS number has exactly 10 digits");
    expect(input.getAttribute("aria-describedby")).toContain("field-identifier-error");
    expect(input.className).toContain("govuk-input--error");
    await user.type(input, "8");
    expect(error()?.textContent).toContain("Not a valid NHS number: the check digit is wrong");
    await user.type(input, "{Backspace}9");
    expect(error()).toBeNull();
  });

  it("checks a UPN's check letter once UPN is chosen", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("radio", { name: "Unique pupil number (UPN)" }));
    const input = screen.getByRole("textbox", { name: "Unique pupil number (UPN)" });
    await user.type(input, "A845200123001");
    await user.tab();
    expect(error()?.textContent).toContain("Not a valid UPN: the check letter is wrong");
    await user.clear(input);
    await user.type(input, "n845 2001 23001");
    expect(error()).toBeNull();
  });
});
