import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { AuthProvider } from "./auth/AuthProvider";
import { loadConfig } from "./config";
import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "./styles/app.css";

document.body.classList.add("govuk-frontend-supported");
const root = createRoot(document.getElementById("root")!);
loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <AuthProvider config={config}>
          <App />
        </AuthProvider>
      </StrictMode>,
    ),
  (error: unknown) =>
    root.render(
      <main className="govuk-width-container govuk-main-wrapper">
        <h1 className="govuk-heading-l">The console cannot start</h1>
        <p className="govuk-body">{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
