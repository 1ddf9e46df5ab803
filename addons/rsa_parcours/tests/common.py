"""Fixtures of the law's orientation tests: organismes référents offering
the national parcours, beneficiaries subject to rights and duties, and
helpers to build and decide an orientation under the law; independent of
the random demo content."""
from odoo.addons.rsa_orientation.tests.common import OrientationCase, apply_the_law


class ParcoursCase(OrientationCase):
    """The three national parcours (data) and three organismes référents:
    ``ft`` (France Travail: emploi, socio-professionnel), ``cd`` (the
    département: socio-professionnel, social) and ``asso`` (an association:
    social). The delegate is the correspondant of ``territory``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        apply_the_law(cls.env)
        cls.employment = cls.env.ref("rsa_parcours.parcours_employment")
        cls.socio = cls.env.ref("rsa_parcours.parcours_socio_professional")
        cls.social = cls.env.ref("rsa_parcours.parcours_social")
        cls.ft = cls._organism("UT France Travail", "france_travail", cls.employment | cls.socio)
        cls.cd = cls._organism("UT Département", "departement", cls.socio | cls.social)
        cls.asso = cls._organism("UT Association", "association", cls.social)

    @classmethod
    def _organism(cls, name, kind, parcours):
        return cls.env["res.partner"].create({
            "name": name, "is_company": True, "cdb_is_structure": True,
            "cdb_is_organisme_referent": True, "cdb_organism_kind": kind,
            "cdb_parcours_ids": [(6, 0, parcours.ids)]})

    @classmethod
    def _law_notebook(cls, lastname, referent=None, **partner_vals):
        """A carnet of ``territory`` (its delegate decides)."""
        notebook = cls._notebook(lastname, referent or cls.referent,
                                 territory_id=cls.territory.id)
        if partner_vals:
            notebook.beneficiary_id.write(partner_vals)
        return notebook

    @classmethod
    def _law_orientation(cls, notebook, parcours=None, organism=None, decide=False,
                         notify=False, **vals):
        parcours = parcours or cls.employment
        organism = organism if organism is not None else (
            cls.cd if parcours == cls.social else cls.ft)
        values = {"parcours_id": parcours.id, "organism_id": organism.id}
        values.update(vals)
        orientation = cls._orientation(notebook, **values)
        if decide:
            orientation.action_decide()
        if notify:
            orientation.action_notify()
        return orientation

    @staticmethod
    def _criteria(situation="recent", qualification="bac", projection="yes", **impacts):
        values = {"criteria_employment_situation": situation,
                  "criteria_qualification": qualification,
                  "criteria_projection": projection}
        values.update({"criteria_%s_impact" % name: impact for name, impact in impacts.items()})
        return values
