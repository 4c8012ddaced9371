import { lazy, Suspense } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { BrowserRouter, Route, Routes, useHref, useNavigate } from 'react-router';
import { Loading } from '../components/Status.tsx';
import { useLang } from '../i18n/useLang.ts';
import { HomePage } from '../pages/HomePage.tsx';
import { Layout } from './Layout.tsx';

// Home ships in the entry chunk (it is the first page most visitors see); every other page, and the
// map code they pull in, loads when first visited.
const FrameworkPage = lazy(() => import('../pages/FrameworkPage.tsx'));
const NetworkPage = lazy(() => import('../pages/NetworkPage.tsx'));
const CityPage = lazy(() => import('../pages/CityPage.tsx'));
const AboutPage = lazy(() => import('../pages/AboutPage.tsx'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage.tsx'));

function Providers({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  const lang = useLang();
  // React Aria links navigate through the router; its widgets follow the interface language and direction.
  return (
    <RouterProvider navigate={navigate} useHref={useHref}>
      <I18nProvider locale={lang}>{children}</I18nProvider>
    </RouterProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Providers>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<HomePage />} />
            <Route path="framework" element={<Lazy page={<FrameworkPage />} />} />
            <Route path="framework/:focusAreaId" element={<Lazy page={<FrameworkPage />} />} />
            <Route path="network" element={<Lazy page={<NetworkPage />} />} />
            <Route path="cities/:slug" element={<Lazy page={<CityPage />} />} />
            <Route path="about" element={<Lazy page={<AboutPage />} />} />
            <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
          </Route>
        </Routes>
      </Providers>
    </BrowserRouter>
  );
}

function Lazy({ page }: { page: React.ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
