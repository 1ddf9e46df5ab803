"""Shared fixtures of the cdb_flux tests: the shared samples of the real
formats (``../shared/formats/`` beside the repository; a test needing one
is skipped, saying so, when the folder is absent) and synthetic files
(``flux_samples``)."""
import base64
import os
import unittest

from odoo.addons.cdb_departement.tests.common import ImportCase

from .. import flux_samples

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
FORMATS = os.environ.get("CDB_SHARED_FORMATS") or os.path.join(
    os.path.dirname(REPOSITORY), "shared", "formats")


def shared(relative):
    """The content of a shared sample; skips the test when it is absent."""
    path = os.path.join(FORMATS, relative)
    if not os.path.isfile(path):
        raise unittest.SkipTest("The shared sample %s is absent (../shared/formats beside "
                                "the repository, or CDB_SHARED_FORMATS)." % path)
    with open(path, "rb") as source:
        return source.read()


class FluxCase(ImportCase):
    """ImportCase with the flux's helpers; the schema is the shared one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        xsd = os.path.join(FORMATS, "caf-msa", "vrsb0801.xsd")
        if os.path.isfile(xsd):
            cls.env["ir.config_parameter"].sudo().set_param("cdb_flux.caf_xsd_path", xsd)

    def setUp(self):
        super().setUp()
        if not os.path.isfile(os.path.join(FORMATS, "caf-msa", "vrsb0801.xsd")):
            self.skipTest("The schema vrsb0801.xsd is absent from %s." % FORMATS)

    def _flux_job(self, content, filename="flux.xml", Job=None, partial=False):
        return (Job or self.Job).create({
            "import_type": "caf_flux", "filename": filename, "partial": partial,
            "file": base64.b64encode(content)})

    def _run_flux(self, households, **options):
        job = self._flux_job(flux_samples.flux_bytes(households, **options))
        job.action_import()
        return job

    def _household(self, matricule):
        return self.env["rsa.household"].search([("matricule", "=", matricule)])

    def _partner_by_nir(self, nir13):
        from odoo.addons.carnet_de_bord.models.res_partner import normalize_nir
        return self.env["res.partner"].search([("nir", "=", normalize_nir(nir13))])


samples = flux_samples
