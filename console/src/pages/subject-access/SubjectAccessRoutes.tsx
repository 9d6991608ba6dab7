import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { SubjectAccessPackPage } from "./SubjectAccessPackPage";
import { SubjectAccessSearchPage } from "./SubjectAccessSearchPage";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function SubjectAccessRoutes() {
  return (
    <RequireArea area="subjectAccess">
      <Routes>
        <Route index element={<SubjectAccessSearchPage />} />
        <Route path="pack" element={<SubjectAccessPackPage />} />
      </Routes>
    </RequireArea>
  );
}
