from . import cdb_workflow_mixin
