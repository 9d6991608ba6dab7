import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function NoticeRoutes() {
  return (
    <RequireArea area="notices">
      <Routes>
        <Route index element={<h1 className="govuk-heading-l">Notices</h1>} />
      </Routes>
    </RequireArea>
  );
}
