"""Shared fixtures of the cdb_departement tests: a département manager
(``ManagerCase``, the base of the export and dashboard fixtures of
common_exports.py) and the imports' files, structure and users
(``ImportCase``), independent of the demo data."""
import base64

from odoo.addons.carnet_de_bord.tests.common import CdbCase
from odoo.addons.rsa_orientation.tests.common import keep_the_guide

BENEFICIARY_HEADER = [
    "Nom", "Prénom", "Date de naissance", "Numéro CAF/MSA", "Identifiant interne",
    "Code postal", "Ville", "E-mail", "Niveau d'études", "Métiers recherchés (ROME)",
    "Structure", "E-mail du référent", "E-mails des accompagnateurs", "Orientation",
    "Date d'orientation", "Situation : logement", "Ressources du foyer",
    "Activité professionnelle",
]


def beneficiary_row(index, header=None, **overrides):
    """A valid line of the beneficiaries' template (test users and structure
    of ImportCase), its cells in the order of ``header``."""
    values = {
        "Nom": "Import%05d" % index, "Prénom": "Élodie", "Date de naissance": "14/03/1985",
        "Numéro CAF/MSA": "%07d" % (8000000 + index), "Identifiant interne": "REF-%d" % index,
        "Code postal": "62000", "Ville": "Arras", "E-mail": "",
        "Niveau d'études": "IV", "Métiers recherchés (ROME)": "K1302, K1304",
        "Structure": "Structure des tests d'import",
        "E-mail du référent": "referent.import@test.example",
        "E-mails des accompagnateurs": "accompagnateur.import@test.example",
        "Orientation": "Solidarité", "Date d'orientation": "02/09/2026",
        "Situation : logement": "Locataire", "Ressources du foyer": "300,50",
        "Activité professionnelle": "non",
    }
    values.update(overrides)
    return [values.get(column, "") for column in header or BENEFICIARY_HEADER]


def csv_bytes(header, rows, delimiter=";", encoding="utf-8-sig"):
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


class ManagerCase(CdbCase):
    """CdbCase with a département manager (``dep.manager``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the imports and exports of the guide's orientations and contracts:
        # a département still on the guide
        keep_the_guide(cls.env)
        cls.manager = cls._user("dep.manager", "group_cdb_manager")


class ImportCase(ManagerCase):
    """A structure and two professionals that the files name, the manager's
    import jobs (``Job``) and helpers to read their results."""

    maxDiff = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env["res.partner"].create({
            "name": "Structure des tests d'import", "is_company": True,
            "cdb_is_structure": True})
        group = cls.env.ref("carnet_de_bord.group_cdb_professional")
        users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.referent = users.create({
            "name": "Référent Import", "login": "referent.import@test.example",
            "email": "referent.import@test.example", "cdb_structure_id": cls.structure.id,
            "groups_id": [(6, 0, [group.id])]})
        cls.accompagnateur = users.create({
            "name": "Accompagnateur Import", "login": "accompagnateur.import@test.example",
            "email": "accompagnateur.import@test.example",
            "groups_id": [(6, 0, [group.id])]})
        # signed the user charter, access request recorded (carnet_de_bord)
        (cls.referent | cls.accompagnateur)._cdb_record_dui_access("UT")
        cls.Job = cls.env["cdb.import.job"].sudo(cls.manager)

    def _importer(self):
        """A professional who may import (access rights of a group of their
        own) without being a manager."""
        importers = self.env["res.groups"].create({"name": "UT importers"})
        for model, write in (("cdb.import.job", True), ("cdb.import.job.line", False),
                             ("cdb.import.column", False)):
            self.env["ir.model.access"].create({
                "name": "ut import %s" % model, "group_id": importers.id,
                "model_id": self.env["ir.model"]._get(model).id, "perm_read": True,
                "perm_write": write, "perm_create": write})
        importer = self._user("ut.importer", "group_cdb_professional")
        importer.groups_id = [(4, importers.id)]
        return importer

    def _job(self, content, import_type="beneficiary", filename="import.csv", partial=False,
             Job=None):
        return (self.Job if Job is None else Job).create({
            "import_type": import_type, "filename": filename,
            "file": base64.b64encode(content), "partial": partial})

    def _import(self, header, rows, import_type="beneficiary", **options):
        """A job of a CSV file of ``rows``, imported."""
        job = self._job(csv_bytes(header, rows), import_type, **options)
        job.action_import()
        return job

    def _beneficiaries(self, prefix="Import"):
        return self.env["res.partner"].search([("lastname", "=like", prefix + "%")])

    def _report(self, job):
        return {(line.line, line.column) for line in job.line_ids}

    def _set_param(self, setting, value):
        self.env["ir.config_parameter"].sudo().set_param(setting.key, setting.serialize(value))

    def _french(self, source):
        """The French translation of a message of the code (fr.po)."""
        return self.env["ir.translation"]._get_source(None, ("code",), "fr_FR", source)
