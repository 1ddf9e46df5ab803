"""One creation path for the imports: a new beneficiary created in bulk (SQL
COPY, cdb.import.fast.create) is the record the ORM creates — for every
column of the beneficiaries' template and every kind of record (partner,
carnet, members and their sharing choices, situation and ROME codes, health
details, orientation, messages and followers), in several cases."""
from ..settings import IMPORT_FAST_PATH
from .common import ImportCase, csv_bytes

# Fields that differ between two records created one after the other.
VOLATILE = {"id", "create_date", "write_date", "__last_update", "date", "message_id"}


class _RolledBack(Exception):
    pass


class TestImportParity(ImportCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.territory = cls.env["cdb.territory"].create({"name": "UT Parité"})
        cls.columns = cls.env["cdb.import.column"].search([("import_type", "=", "beneficiary")])

    def _full_row(self, **overrides):
        """A value for every column of the template (by technical key); COPY
        escapes and non-ASCII texts included."""
        values = {
            "cdb_import_ref": "PAR-1", "caf_number": "7000001", "lastname": "Parité",
            "firstname": "Élodie-Marie", "birthdate_date": "14/03/1985",
            "birth_place": "Arras", "benefit_organism": "MSA",
            "france_travail_id": "1234567A", "family_situation": "Célibataire",
            "phone": "03 21 00 00 00", "mobile": "06 12 34 56 78",
            "email": "parite@example.org", "street": "12 rue des Lilas \\ N°3",
            "street2": "Bâtiment B", "zip": "62000", "city": "Arras",
            "rsa_household_resources": "450,00", "rsa_lump_sum": "646,52",
            "rsa_has_activity": "oui", "rsa_activity_income": "120",
            "situation_family": "Vit seule\tavec deux enfants",
            "situation_housing": "Locataire \\ 100 % HLM, N°3",
            "situation_health": "Suivi médical régulier \\N",
            "situation_resources": "RSA", "situation_mobility": "Permis B",
            "situation_employment": "Sans emploi", "situation_summary": "Projet",
            "diploma_level_id": "IV", "rome_code_ids": "K1302, K1304",
            "structure_id": self.structure.name, "referent_id": self.referent.login,
            "accompagnateur_ids": "%s, %s" % (self.accompagnateur.login, self.referent.login),
            "territory_id": self.territory.name, "orientation_type": "solidarity",
            "orientation_date": "02/09/2026",
        }
        values.update(overrides)
        return values

    def _file(self, values):
        keys = [key for key in self.columns.mapped("key") if values.get(key)]
        names = {column.key: column.name for column in self.columns}
        return csv_bytes([names[key] for key in keys], [[values[key] for key in keys]])

    def _created(self, fast, content):
        """What the import of ``content`` creates with the fast path on or
        off, rolled back afterwards."""
        self._set_param(IMPORT_FAST_PATH, fast)
        last = self.env["res.partner"].search([], order="id desc", limit=1).id
        try:
            with self.env.cr.savepoint():
                job = self._job(content)
                job.action_import()
                self.assertEqual((job.state, job.created_count), ("done", 1),
                                 job.line_ids.mapped("reason"))
                snapshot = self._snapshot(last)
                raise _RolledBack()
        except _RolledBack:
            self.env["cdb.import.job"].invalidate_cache()
        return snapshot

    def _snapshot(self, last):
        """The records created after the partner ``last``."""
        self.env["cdb.import.job"].invalidate_cache()
        partner = self.env["res.partner"].search([("id", ">", last)])
        self.assertEqual(len(partner), 1)
        notebook = partner.cdb_notebook_ids
        records = [
            ("res.partner", partner),
            ("cdb.notebook", notebook),
            ("cdb.notebook.member", notebook.with_context(active_test=False).member_ids),
            ("cdb.situation", notebook.situation_ids),
            ("cdb.health", self.env["cdb.health"].search([("notebook_id", "=", notebook.id)])),
            ("rsa.orientation", notebook.orientation_ids),
        ]
        threads = [(name, record.id) for name, recordset in records for record in recordset]
        records.append(("mail.message", self.env["mail.message"].search([
            ("model", "in", [name for name, _id in threads]),
            ("res_id", "in", [record_id for _name, record_id in threads])]).filtered(
                lambda message: (message.model, message.res_id) in threads)))
        records.append(("mail.followers", self.env["mail.followers"].search([
            ("res_model", "in", [name for name, _id in threads]),
            ("res_id", "in", [record_id for _name, record_id in threads])]).filtered(
                lambda follower: (follower.res_model, follower.res_id) in threads)))
        tokens = {(name, record.id): "%s#%d" % (name, index)
                  for name, recordset in records
                  for index, record in enumerate(recordset.sorted("id"))}
        return {name: [self._stored(record, tokens) for record in recordset.sorted("id")]
                for name, recordset in records}

    @staticmethod
    def _stored(record, tokens):
        """The stored values of ``record``, the records created by the import
        named by their token (their ids differ from one run to the other)."""
        values = {}
        for name, field in record._fields.items():
            if not field.store or name in VOLATILE or field.type == "one2many":
                continue
            if name == "res_id" and (record._fields.get("model") or
                                     record._fields.get("res_model")):
                model = record["model"] if "model" in record._fields else record.res_model
                values[name] = tokens.get((model, record[name]), record[name])
            elif field.type == "many2one":
                target = record[name]
                values[name] = tokens.get((target._name, target.id), target.id)
            elif field.type == "many2many":
                values[name] = sorted(record[name].ids)
            else:
                values[name] = field.convert_to_write(record[name], record)
        return values

    def assertSameRecords(self, values):
        content = self._file(values)
        orm, fast = self._created(False, content), self._created(True, content)
        for kind in orm:
            with self.subTest(kind=kind):
                self.assertEqual(orm[kind], fast[kind])
        return fast

    def test_every_column_of_the_template(self):
        values = self._full_row()
        self.assertEqual(set(self.columns.mapped("key")) - set(values), set(),
                         "every column of the template is in the parity test")
        fast = self.assertSameRecords(values)
        self.assertEqual([len(fast[kind]) for kind in (
            "res.partner", "cdb.notebook", "cdb.notebook.member", "cdb.situation",
            "cdb.health", "rsa.orientation")], [1, 1, 2, 1, 1, 1])
        self.assertEqual(fast["cdb.health"][0]["description"], "Suivi médical régulier \\N")

    def test_every_kind_of_beneficiary(self):
        required = {key: self._full_row()[key] for key in ("lastname", "firstname",
                                                           "birthdate_date")}
        cases = {
            "required columns only": required,
            "professional orientation, France Travail": self._full_row(
                orientation_type="professional_ft", situation_health=""),
            "professional orientation, another organism": self._full_row(
                orientation_type="professional_other", referent_id=""),
            "accompagnateurs without référent": self._full_row(
                referent_id="", orientation_type="", orientation_date=""),
            "health only": dict(required, situation_health="Asthme"),
        }
        for case, values in cases.items():
            with self.subTest(case=case):
                self.assertSameRecords(values)

    def test_bulk_creation_fills_every_stored_computed_field(self):
        """A stored computed field the bulk creation would leave empty is a
        programming error, raised before anything is written."""
        notebook = self._notebook("Parity")
        fast = self.env["cdb.import.fast.create"]
        with self.assertRaises(ValueError):
            fast._create("rsa.orientation", [{
                "id": fast._reserve_ids("rsa.orientation", 1)[0], "notebook_id": notebook.id,
                "orientation_type": "solidarity", "date_decision": self.today}])

    def test_memberships_in_bulk_are_those_of_add_member(self):
        """cdb.import.fast.members adds the first member of a kind through
        cdb.notebook._add_member and copies it for the others, with the
        messages its creation posts in the carnet's history (here with the
        trail of the groupe de suivi on, as no context silences it)."""
        Notebook = self.env["cdb.notebook"].with_context(tracking_disable=False)
        plan = [(self.referent, "referent", self.structure),
                (self.accompagnateur, "accompagnateur", self.structure_b),
                (self.accompagnateur2, "accompagnateur", self.structure_b)]
        by_orm = [Notebook.browse(self._notebook("Trail%d" % index).id) for index in range(3)]
        in_bulk = [Notebook.browse(self._notebook("Bulk%d" % index).id) for index in range(3)]
        for notebook in by_orm:
            for user, role, structure in plan:
                notebook._add_member(user, role, structure)
        self.env["cdb.import.fast.members"]._create([
            {"notebook_id": notebook.id, "user_id": user.id, "role": role,
             "structure_id": structure.id}
            for notebook in in_bulk for user, role, structure in plan], Notebook)
        self.env["cdb.notebook"].invalidate_cache()
        made = [self._made(notebook) for notebook in by_orm]
        self.assertTrue(made[0]["mail.message"], "the trail is on")
        self.assertEqual([self._made(notebook) for notebook in in_bulk], made)

    def _made(self, notebook):
        """The memberships of ``notebook`` and the messages in its history."""
        records = [("cdb.notebook", notebook),
                   ("cdb.notebook.member",
                    notebook.with_context(active_test=False).member_ids.sorted("id")),
                   ("mail.message", self.env["mail.message"].search(
                       [("model", "=", "cdb.notebook"), ("res_id", "=", notebook.id)],
                       order="id"))]
        tokens = {(name, record.id): "%s#%d" % (name, index)
                  for name, recordset in records for index, record in enumerate(recordset)}
        made = {name: [self._stored(record, tokens) for record in recordset]
                for name, recordset in records[1:]}
        for message in made["mail.message"]:
            self.assertEqual(message.pop("record_name"), notebook.display_name)
            self.assertEqual(message.pop("reply_to"), notebook.message_get_reply_to(
                [notebook.id], default=message["email_from"])[notebook.id])
        return made
