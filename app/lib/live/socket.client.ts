// One socket.io connection per browser tab, shared by every component.
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../../realtime/contract.ts";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: ClientSocket | undefined;

export function getSocket(): ClientSocket {
  socket ??= io({ transports: ["websocket", "polling"], withCredentials: true });
  return socket;
}
