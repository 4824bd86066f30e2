/**
 * The cloud layout for the page `cloudnotes render --svg` drives (built as dist/cloud-layout-page.js
 * beside the CLI): the same Mermaid layout the plugin registers, on `window.CloudnotesLayout`.
 */
import { dropPlan, ensureCloudLayout, expectPlan, withCloudLayout } from '../plugin/topology/cloud-layout-loader';

(window as unknown as { CloudnotesLayout: object }).CloudnotesLayout = { ensureCloudLayout, expectPlan, dropPlan, withCloudLayout };
