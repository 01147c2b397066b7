// The de catalogue: every English message, in the same areas (the catalogue test checks ids and arguments).
import type { Catalogue } from '../en/index.js';
import common from './common.json' with { type: 'json' };
import os from './os.json' with { type: 'json' };
import software from './software.json' with { type: 'json' };
import agent from './agent.json' with { type: 'json' };
import host from './host.json' with { type: 'json' };
import restore from './restore.json' with { type: 'json' };
import systemState from './systemState.json' with { type: 'json' };
import cache from './cache.json' with { type: 'json' };
import volume from './volume.json' with { type: 'json' };
import selection from './selection.json' with { type: 'json' };
import files from './files.json' with { type: 'json' };
import backup from './backup.json' with { type: 'json' };
import network from './network.json' with { type: 'json' };
import history from './history.json' with { type: 'json' };
import checkDocs from './checkDocs.json' with { type: 'json' };
import report from './report.json' with { type: 'json' };
import guidance from './guidance.json' with { type: 'json' };
import evidence from './evidence.json' with { type: 'json' };
import gui from './gui.json' with { type: 'json' };
import wizard from './wizard.json' with { type: 'json' };
import cli from './cli.json' with { type: 'json' };
import actions from './actions.json' with { type: 'json' };
import probes from './probes.json' with { type: 'json' };
import validation from './validation.json' with { type: 'json' };
import plans from './plans.json' with { type: 'json' };
import engine from './engine.json' with { type: 'json' };
import machine from './machine.json' with { type: 'json' };
import script from './script.json' with { type: 'json' };
import matrix from './matrix.json' with { type: 'json' };

export default {
  ...common,
  ...os,
  ...software,
  ...agent,
  ...host,
  ...restore,
  ...systemState,
  ...cache,
  ...volume,
  ...selection,
  ...files,
  ...backup,
  ...network,
  ...history,
  ...checkDocs,
  ...report,
  ...guidance,
  ...evidence,
  ...gui,
  ...wizard,
  ...cli,
  ...actions,
  ...probes,
  ...validation,
  ...plans,
  ...engine,
  ...machine,
  ...script,
  ...matrix,
} satisfies Partial<Catalogue>;
