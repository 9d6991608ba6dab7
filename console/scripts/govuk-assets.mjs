// GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/…: copied into public/assets/ so that
// Vite serves them and rewrites those URLs under the console's base path (/console/assets/…).
import { cpSync, mkdirSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk/assets";
mkdirSync("public/assets", { recursive: true });
for (const dir of ["fonts", "images"]) {
  cpSync(`${from}/${dir}`, `public/assets/${dir}`, { recursive: true });
}
