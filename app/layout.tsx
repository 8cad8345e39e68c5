import type { Metadata } from 'next';
import Link from 'next/link';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'AI Policy Timeline', template: '%s · AI Policy Timeline' },
  description: 'A dated, sourced record of AI-regulation events, the actors behind them and the sources that back them.',
};

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
