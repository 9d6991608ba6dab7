/** What the gateway tells the console at run time (gateway/README.md, "Console"): where to sign in. */
export interface ConsoleConfig {
  authority: string;
  clientId: string;
  apiBase: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`the console's configuration could not be read (HTTP ${response.status})`);
  }
  return (await response.json()) as ConsoleConfig;
}
