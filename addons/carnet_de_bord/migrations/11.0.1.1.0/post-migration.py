"""Health details leave the situation for cdb.health (readme/SHARING.rst):
the current health text of each carnet becomes its first cdb.health
version, and the référents keep reading it."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("UPDATE cdb_notebook_member SET share_health = TRUE WHERE role = 'referent'")
    cr.execute("""SELECT 1 FROM information_schema.columns
                  WHERE table_name = 'cdb_situation' AND column_name = 'health'""")
    if not cr.fetchone():
        return
    cr.execute("""
        INSERT INTO cdb_health (notebook_id, description, reason,
                                create_uid, create_date, write_uid, write_date)
        SELECT DISTINCT ON (notebook_id) notebook_id, health, 'Reprise de la situation',
               create_uid, create_date, write_uid, write_date
          FROM cdb_situation
         WHERE COALESCE(health, '') != ''
         ORDER BY notebook_id, create_date DESC, id DESC""")
