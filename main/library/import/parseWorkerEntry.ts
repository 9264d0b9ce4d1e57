/**
 * The import's parse worker thread (see fileParser.ts): reads and parses files and pasted text
 * off the main thread. It never touches the database.
 */
import { prepareJob } from './prepareFile';
import { serveParseRequests } from './serveParseRequests';

serveParseRequests(prepareJob);
