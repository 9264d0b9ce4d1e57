// The `pizhu` command from source, for tests that need it as a process of its own (signals, a server).
import { runFromProcess } from '../../../main/cli/pizhu';

runFromProcess();
