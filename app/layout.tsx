import type { Metadata } from 'next';
import Link from 'next/link';
import { SITE_TITLE } from '@/lib/exports/view-title';
import { publicOrigin, SITE_DESCRIPTION } from '@/lib/page-metadata';
import './globals.css';

/** Defaults for every page; reader pages give their own title and card (lib/page-metadata.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(await publicOrigin()),
    title: { default: SITE_TITLE, template: `%s · ${SITE_TITLE}` },
    description: SITE_DESCRIPTION,
    openGraph: { siteName: SITE_TITLE, title: SITE_TITLE, description: SITE_DESCRIPTION, type: 'website', url: './' },
    twitter: { card: 'summary', title: SITE_TITLE, description: SITE_DESCRIPTION },
  };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="site-title">
              AI Policy Timeline
            </Link>
            <nav aria-label="Main">
              <ul className="site-nav">
                <li>
                  <Link href="/">Timeline</Link>
                </li>
                <li>
                  <Link href="/actors">Actors</Link>
                </li>
                <li>
                  <Link href="/policies">Policies</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            Every event cites its sources. Dates are shown only as precisely as they are known.
          </div>
        </footer>
      </body>
    </html>
  );
}
