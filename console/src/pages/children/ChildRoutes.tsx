import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function ChildRoutes() {
  return (
    <RequireArea area="children">
      <Routes>
        <Route index element={<h1 className="govuk-heading-l">Children's records</h1>} />
      </Routes>
    </RequireArea>
  );
}
