/** A card going down onto the reader below the screen; decoration only, the words say the same. */
export function CardIllustration() {
  return (
    <svg className="card-illustration" viewBox="0 0 240 200" aria-hidden="true" focusable="false">
      <rect x="50" y="20" width="140" height="88" rx="10" className="card-illustration-card" />
      <circle cx="86" cy="58" r="16" className="card-illustration-photo" />
      <path d="M112 48h56M112 64h44M70 90h100" className="card-illustration-lines" />
      <path d="M120 118v28m-12-12 12 12 12-12" className="card-illustration-arrow" />
      <rect x="30" y="160" width="180" height="28" rx="8" className="card-illustration-reader" />
    </svg>
  );
}
