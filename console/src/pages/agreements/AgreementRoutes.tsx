import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function AgreementRoutes() {
  return (
    <RequireArea area="agreements">
      <Routes>
        <Route index element={<h1 className="govuk-heading-l">Agreements</h1>} />
      </Routes>
    </RequireArea>
  );
}
