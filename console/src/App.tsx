import { useMemo } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ApiContext } from "./api/ApiContext";
import { createApi } from "./api/client";
import { useAuth } from "./auth/AuthContext";
import { Layout } from "./components/Layout";
import { AccessLogRoutes } from "./pages/access-log/AccessLogRoutes";
import { AgreementRoutes } from "./pages/agreements/AgreementRoutes";
import { ChildRoutes } from "./pages/children/ChildRoutes";
import { DashboardRoutes } from "./pages/dashboard/DashboardRoutes";
import { HomePage } from "./pages/HomePage";
import { NoticeRoutes } from "./pages/notices/NoticeRoutes";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SubjectAccessRoutes } from "./pages/subject-access/SubjectAccessRoutes";

export function App() {
  const { accessToken } = useAuth();
  const api = useMemo(() => createApi(accessToken), [accessToken]);
  return (
    <ApiContext.Provider value={api}>
      <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, "")}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="dashboard/*" element={<DashboardRoutes />} />
            <Route path="notices/*" element={<NoticeRoutes />} />
            <Route path="children/*" element={<ChildRoutes />} />
            <Route path="agreements/*" element={<AgreementRoutes />} />
            <Route path="subject-access/*" element={<SubjectAccessRoutes />} />
            <Route path="access-log/*" element={<AccessLogRoutes />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApiContext.Provider>
  );
}
