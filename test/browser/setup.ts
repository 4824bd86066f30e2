// Real Chromium and real Mermaid: renders take seconds on a shared 2-core machine.
jest.setTimeout(180_000);
