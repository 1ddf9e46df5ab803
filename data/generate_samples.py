"""Write the synthetic samples of data/samples/ (made up people; the names
and birth dates of a few match the demo département's beneficiaries, so that
importing them into the demo shows matching). Run from the repository root:

    python3 data/generate_samples.py
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "addons", "cdb_flux"))
import flux_samples as samples  # noqa: E402

OUT = os.path.join(ROOT, "data", "samples")


def caf_flux():
    """Émilie Rousseau of the demo (matched by name and birth date) with her
    spouse and child, two new households, one closed right."""
    rousseau = samples.household(1, matricule="765432100000000", persons=[
        samples.person(10, "DEM", lastname="ROUSSEAU", firstname="EMILIE",
                       birthdate="1988-04-12", sex=2),
        samples.person(11, "CJT", lastname="ROUSSEAU", firstname="KARIM",
                       birthdate="1986-09-03", sex=1, rights_duties=True),
        samples.person(12, "ENF", lastname="ROUSSEAU", firstname="LINA",
                       birthdate="2017-02-14", sex=2, rights_duties=None),
    ])
    return [rousseau, samples.household(2), samples.household(3, state="5"),
            samples.household(4, state="0")]


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "caf_flux_2026-10.xml"), "wb") as output:
        samples.write_flux(output, caf_flux(), created="2026-10-05", reference="2026-09-30")
    later = caf_flux()
    later[0]["persons"] = later[0]["persons"][:2]
    later[0]["state"] = "4"
    with open(os.path.join(OUT, "caf_flux_2026-11.xml"), "wb") as output:
        samples.write_flux(output, later, created="2026-11-05", reference="2026-10-31")
    with open(os.path.join(OUT, "france_travail_principal.csv"), "wb") as output:
        output.write(samples.france_travail_bytes([
            samples.france_travail_line("5f0c1a2e-0001", "FONTAINE", "MICHEL", "1990-02-06",
                                        "alice.martin@francetravail.example", "ARRAS"),
            samples.france_travail_line("5f0c1a2e-0002", "BOUCHEZ", "JEAN", "1984-01-30",
                                        "alice.martin@francetravail.example", "ARRAS",
                                        rome=("N1103", "Préparateur de commandes")),
            samples.france_travail_line("5f0c1a2e-0003", "INCONNU", "PERSONNE", "1979-12-01",
                                        "bruno.leroy@francetravail.example", "LENS"),
        ]))
    with open(os.path.join(OUT, "carnet_de_bord_export.json"), "wb") as output:
        output.write(samples.carnet_export_bytes([
            samples.carnet_export("Delattre", "Nadia", "1983-06-21", caf_number="6200123",
                                  actions=("Accompagnement logement dans le cadre du FSL",
                                           "Demande de logement social")),
            samples.carnet_export("Caron", "Hugo", "1995-10-02", theme="numerique",
                                  caf_number="6200456", actions=("Atelier numérique",)),
        ]))
    print("written to", OUT)


if __name__ == "__main__":
    main()
