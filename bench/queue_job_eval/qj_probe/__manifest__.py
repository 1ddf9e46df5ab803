{"name": "queue_job probe (evaluation only)", "version": "11.0.1.0.0", "license": "LGPL-3",
 "depends": ["queue_job"], "data": ["access.xml"], "installable": True}
