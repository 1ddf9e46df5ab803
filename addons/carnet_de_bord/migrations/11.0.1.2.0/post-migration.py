"""Issue 11.

Reviews are records (cdb.review): each carnet's recorded *Dernier bilan*
becomes a validated review of that date, so that the date the carnet
computes from its reviews stays the same.

RQTH, education level and jobs sought (ROME) are said once, in the
situation: where the current situation of a carnet lacks one of them and
the latest socio-professional data (rsa_orientation) or the latest contract
(cer_contracts) holds it, a new version of the situation takes it (the
columns of those modules, which now read the situation, are left as they
were).

The professionals of the demo data have signed the user charter and their
access request is recorded (seed 003, "Accessibilité à l'interface"; the
demo data files are not loaded again on an update)."""
from odoo.addons.carnet_de_bord.models.res_users import DEMO_PROFESSIONALS
from odoo.addons.carnet_de_bord.settings import DUI_CHARTER_VERSION


MIGRATED = "Reprise : données dites une fois (RQTH, niveau de formation, métiers)"


def migrate(cr, version):
    if not version:
        return
    _reviews_from_review_dates(cr)
    _said_once_into_the_situation(cr)
    _demo_professionals_access(cr)


def _demo_professionals_access(cr):
    cr.execute("SELECT demo FROM ir_module_module WHERE name = 'carnet_de_bord'")
    row = cr.fetchone()
    if not (row and row[0]):
        return
    cr.execute("SELECT value FROM ir_config_parameter WHERE key = %s",
               (DUI_CHARTER_VERSION.key,))
    row = cr.fetchone()
    version = row[0] if row and row[0] else DUI_CHARTER_VERSION.default
    cr.execute("""
        UPDATE res_users
           SET cdb_charter_version = %s, cdb_charter_date = CURRENT_DATE,
               cdb_access_request_date = CURRENT_DATE,
               cdb_access_request_cosigner = 'Données de démonstration',
               cdb_access_request_recorded_by = 1
         WHERE login IN %s AND cdb_access_request_date IS NULL""",
               (version, DEMO_PROFESSIONALS))


def _reviews_from_review_dates(cr):
    cr.execute("""
        INSERT INTO cdb_review (notebook_id, reason, date, results, state,
                                referent_validated_date, beneficiary_validated_date,
                                beneficiary_validation_channel,
                                create_uid, create_date, write_uid, write_date)
        SELECT n.id, 'periodic', n.last_review_date,
               'Bilan enregistré avant les bilans détaillés (reprise).', 'validated',
               n.last_review_date, n.last_review_date, 'interview',
               1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM cdb_notebook n
         WHERE n.last_review_date IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM cdb_review r WHERE r.notebook_id = n.id)""")


def _column_exists(cr, table, column):
    cr.execute("""SELECT 1 FROM information_schema.columns
                  WHERE table_name = %s AND column_name = %s""", (table, column))
    return bool(cr.fetchone())


def _table_exists(cr, table):
    cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s", (table,))
    return bool(cr.fetchone())


def _sources(cr):
    """{notebook id: {"rqth", "diploma_level_id", "rome_code_ids"}}: the
    latest DSP, then the latest contract, fill what the other lacks."""
    found = {}
    if _column_exists(cr, "rsa_dsp", "rqth"):
        cr.execute("""SELECT DISTINCT ON (notebook_id) id, notebook_id, rqth, diploma_level_id
                        FROM rsa_dsp ORDER BY notebook_id, create_date DESC, id DESC""")
        rome = _dsp_rome_codes(cr)
        for dsp_id, notebook_id, rqth, level in cr.fetchall():
            found[notebook_id] = {"rqth": bool(rqth), "diploma_level_id": level,
                                  "rome_code_ids": rome.get(dsp_id, [])}
    if _column_exists(cr, "cer_contract", "rqth"):
        cr.execute("""SELECT DISTINCT ON (notebook_id) notebook_id, rqth, diploma_level_id
                        FROM cer_contract ORDER BY notebook_id, date_start DESC, id DESC""")
        for notebook_id, rqth, level in cr.fetchall():
            values = found.setdefault(notebook_id, {"rqth": False, "diploma_level_id": None,
                                                    "rome_code_ids": []})
            values["rqth"] = values["rqth"] or bool(rqth)
            values["diploma_level_id"] = values["diploma_level_id"] or level
    return found


def _dsp_rome_codes(cr):
    if not _table_exists(cr, "cdb_rome_code_rsa_dsp_rel"):
        return {}
    cr.execute("SELECT rsa_dsp_id, cdb_rome_code_id FROM cdb_rome_code_rsa_dsp_rel")
    return _grouped(cr.fetchall())


def _situation_rome_codes(cr):
    cr.execute("SELECT cdb_situation_id, cdb_rome_code_id FROM cdb_rome_code_cdb_situation_rel")
    return _grouped(cr.fetchall())


def _grouped(rows):
    codes = {}
    for record_id, code in rows:
        codes.setdefault(record_id, []).append(code)
    return codes


def _said_once_into_the_situation(cr):
    sources = _sources(cr)
    if not sources:
        return
    situation_rome = _situation_rome_codes(cr)
    cr.execute("""SELECT DISTINCT ON (notebook_id) id, notebook_id, rqth, diploma_level_id
                    FROM cdb_situation ORDER BY notebook_id, create_date DESC, id DESC""")
    current = {row[1]: row for row in cr.fetchall()}
    for notebook_id, values in sorted(sources.items()):
        situation_id, _notebook, rqth, level = current.get(notebook_id, (None, None, False, None))
        rome = situation_rome.get(situation_id, [])
        new = {"rqth": bool(rqth) or values["rqth"],
               "diploma_level_id": level or values["diploma_level_id"],
               "rome_code_ids": rome or values["rome_code_ids"]}
        if (new["rqth"], new["diploma_level_id"], sorted(new["rome_code_ids"])) == (
                bool(rqth), level, sorted(rome)):
            continue
        _new_situation_version(cr, notebook_id, situation_id, new)


def _new_situation_version(cr, notebook_id, situation_id, new):
    """A new version: the current one's text, and the items said once."""
    cr.execute("""
        INSERT INTO cdb_situation (notebook_id, family, housing, resources, mobility,
                                   employment, summary, rqth, diploma_level_id, reason,
                                   create_uid, create_date, write_uid, write_date)
        SELECT %(notebook)s, s.family, s.housing, s.resources, s.mobility, s.employment,
               s.summary, %(rqth)s, %(level)s, %(reason)s,
               1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
          FROM (SELECT 1) one
          LEFT JOIN cdb_situation s ON s.id = %(situation)s
        RETURNING id""", {"notebook": notebook_id, "rqth": new["rqth"],
                          "level": new["diploma_level_id"], "reason": MIGRATED,
                          "situation": situation_id})
    new_id = cr.fetchone()[0]
    for code in new["rome_code_ids"]:
        cr.execute("""INSERT INTO cdb_rome_code_cdb_situation_rel (cdb_situation_id,
                                                                    cdb_rome_code_id)
                      VALUES (%s, %s)""", (new_id, code))
