// The notice shown wherever the client shows a map whose country is marked illustrative.
export function IllustrativeBanner() {
  return (
    <p className="banner banner-illustrative" role="note">
      <strong>Illustrative map:</strong> built from public descriptions of institutions, not verified data. Institutions
      only; no case data.
    </p>
  );
}
