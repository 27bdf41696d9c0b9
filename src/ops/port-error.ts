/** The bot could not listen where it was told to: a fault the operator fixes in PORT or HOST, told in one line. */
export class PortUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'PortUnavailableError';
  }
}

/** A listen failure, reworded with the setting to change; any other error is returned as it is. */
export function asPortError(error: unknown, port: number, host: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE')
    return new PortUnavailableError(
      `port ${port} on ${host} is already in use (PORT=${port}): stop what holds it, or set PORT to a free port`,
      error,
    );
  if (code === 'EACCES')
    return new PortUnavailableError(
      `not allowed to listen on port ${port} (PORT=${port}): ports below 1024 need privileges; set PORT=8080 or another above 1024`,
      error,
    );
  if (code === 'EADDRNOTAVAIL')
    return new PortUnavailableError(
      `HOST=${host} is not an address of this machine: set HOST=0.0.0.0 or one of its addresses`,
      error,
    );
  return error;
}
