import { Route, Routes } from "react-router";
import { RequireArea } from "../../components/RequireArea";
import { DiffPage } from "./DiffPage";
import { EditDraftPage, NewNoticePage } from "./DraftPage";
import { NoticeListPage } from "./NoticeListPage";
import { NoticePage } from "./NoticePage";
import { VersionPage } from "./VersionPage";

/** The pages of this area, under their own path (App.tsx mounts them). */
export function NoticeRoutes() {
  return (
    <RequireArea area="notices">
      <Routes>
        <Route index element={<NoticeListPage />} />
        <Route
          path="new"
          element={
            <RequireArea area="editNotices">
              <NewNoticePage />
            </RequireArea>
          }
        />
        <Route path=":slug" element={<NoticePage />} />
        <Route path=":slug/diff" element={<DiffPage />} />
        <Route path=":slug/versions/:number" element={<VersionPage />} />
        <Route
          path=":slug/versions/:number/edit"
          element={
            <RequireArea area="editNotices">
              <EditDraftPage />
            </RequireArea>
          }
        />
      </Routes>
    </RequireArea>
  );
}
