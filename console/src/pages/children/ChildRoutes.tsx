import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { AddChildPage } from "./AddChildPage";
import { ChildPage } from "./ChildPage";
import { ConsentPage } from "./ConsentPage";
import { FindChildPage } from "./FindChildPage";
import { ImportJobPage, ImportPage } from "./ImportPage";
import { RecordConsentPage } from "./RecordConsentPage";

/** The pages of this area, under their own path (App.tsx mounts them); write pages need their own area too. */
export function ChildRoutes() {
  return (
    <RequireArea area="children">
      <Routes>
        <Route index element={<FindChildPage />} />
        <Route
          path="new"
          element={
            <RequireArea area="recordConsent">
              <AddChildPage />
            </RequireArea>
          }
        />
        <Route path="subjects/:subjectId" element={<ChildPage />} />
        <Route
          path="subjects/:subjectId/record"
          element={
            <RequireArea area="recordConsent">
              <RecordConsentPage />
            </RequireArea>
          }
        />
        <Route path="consents/:consentId" element={<ConsentPage />} />
        <Route
          path="imports"
          element={
            <RequireArea area="importConsents">
              <ImportPage />
            </RequireArea>
          }
        />
        <Route
          path="imports/:importId"
          element={
            <RequireArea area="importConsents">
              <ImportJobPage />
            </RequireArea>
          }
        />
      </Routes>
    </RequireArea>
  );
}
