import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function AccessLogRoutes() {
  return (
    <RequireArea area="accessLog">
      <Routes>
        <Route index element={<h1 className="govuk-heading-l">Access log</h1>} />
      </Routes>
    </RequireArea>
  );
}
