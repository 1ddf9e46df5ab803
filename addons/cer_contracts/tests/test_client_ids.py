"""Ids chosen by the client and used as superuser: the documents joined to a
fiche de liaison (copied to the EP case) and the actions an avenant cancels
(abandoned when it is applied). The server checks that each one belongs to
the same carnet."""
import base64

from odoo.exceptions import AccessError, ValidationError

from .common import LiaisonCase


class TestClientIds(LiaisonCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Another carnet, whose référent is another professional.
        cls.other_notebook = cls._notebook("Autrecarnet", referent=cls.referent2,
                                           territory_id=cls.territory.id)
        cls.foreign_document = cls.env["ir.attachment"].create({
            "name": "sante.pdf", "datas_fname": "sante.pdf",
            "datas": base64.b64encode(b"%PDF-1.4 confidential"),
            "res_model": "cdb.notebook", "res_id": cls.other_notebook.id})
        cls.foreign_action = cls._action(cls.other_notebook)

    # ----------------------------------------------------------- documents
    def test_document_of_another_carnet_cannot_be_joined(self):
        liaison = self._liaison("ep", ep_request_type="suspension", suspension_reason="breach",
                                ep_motive="Absences", referent_signed_date=self.today)
        self.assertRefusedWith(AccessError, lambda: liaison.sudo(self.referent).write(
            {"attachment_ids": [(4, self.foreign_document.id)]}))
        self.assertRefusedWith(AccessError, lambda: self._liaison(
            "ep", attachment_ids=[(6, 0, self.foreign_document.ids)]))
        self.assertFalse(liaison.attachment_ids)

    def test_document_of_the_carnet_is_copied_to_the_ep_case(self):
        own = self.env["ir.attachment"].sudo(self.referent).create({
            "name": "convocation.pdf", "datas_fname": "convocation.pdf",
            "datas": base64.b64encode(b"%PDF-1.4 letter"),
            "res_model": "cdb.notebook", "res_id": self.notebook.id})
        liaison = self._liaison("ep", ep_request_type="suspension", suspension_reason="breach",
                                ep_motive="Absences", referent_signed_date=self.today,
                                attachment_ids=[(6, 0, own.ids)])
        liaison.sudo(self.referent).action_send()
        as_correspondant = liaison.sudo(self.correspondant)
        as_correspondant.correspondant_comment = "D'accord."
        as_correspondant.action_opinion_favourable()
        copies = self.env["ir.attachment"].search([
            ("res_model", "=", "rsa.ep.case"), ("res_id", "=", liaison.ep_case_id.id)])
        self.assertEqual(copies.mapped("name"), ["convocation.pdf"])

    def test_file_uploaded_in_a_new_fiche_is_adopted(self):
        """The form uploads a file before the fiche exists (no record yet):
        the user's own file joins the fiche and is attached to it."""
        upload = self.env["ir.attachment"].sudo(self.referent).create({
            "name": "cv.pdf", "datas_fname": "cv.pdf", "datas": base64.b64encode(b"cv"),
            "res_model": "cer.liaison", "res_id": 0})
        liaison = self._liaison("actions", attachment_ids=[(6, 0, upload.ids)])
        self.assertEqual((upload.res_model, upload.res_id), ("cer.liaison", liaison.id))
        foreign_upload = self.env["ir.attachment"].sudo(self.referent2).create({
            "name": "autre.pdf", "datas_fname": "autre.pdf", "datas": base64.b64encode(b"x"),
            "res_model": "cer.liaison", "res_id": 0})
        self.assertRefusedWith(AccessError, lambda: liaison.sudo(self.referent).write(
            {"attachment_ids": [(4, foreign_upload.id)]}))

    # ----------------------------------------------------- cancelled actions
    def test_amendment_cancels_actions_of_its_carnet_only(self):
        amendment, _line = self._amendment(self.contract, beneficiary_signed_date=self.today)
        self.assertRefusedWith(ValidationError, lambda: amendment.sudo(self.referent).write(
            {"cancelled_action_ids": [(4, self.foreign_action.id)]}))
        self.assertRefusedWith(ValidationError, lambda: self._amendment(
            self.contract, cancel=self.foreign_action))
        self.assertEqual(self.foreign_action.state, "planned")
        # and applying an avenant never abandons another carnet's action
        self.env.cr.execute(
            "INSERT INTO cdb_action_cer_amendment_rel (cer_amendment_id, cdb_action_id) "
            "VALUES (%s, %s)", (amendment.id, self.foreign_action.id))
        amendment.invalidate_cache()
        self.assertRefusedWith(ValidationError, amendment.sudo(self.correspondant).action_apply)
        self.assertEqual(self.foreign_action.state, "planned")
