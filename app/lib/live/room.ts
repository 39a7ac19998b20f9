// The connection side of every live page: join a room while mounted (and again after a
// reconnect that socket.io could not recover), leave it on unmount, and tell the page when it
// may have missed events so it reloads its data — the fallback for connection-state recovery.
import { useEffect, useRef, useState } from "react";
import { getSocket } from "./socket.client.ts";

type Room = {
  /** Joins the room (emits the watch command). */
  watch: () => void;
  /** Leaves it. */
  unwatch: () => void;
  /** After a reconnect that lost events: reload what the page shows. */
  onMissed: () => void;
};

/** Keeps the socket in the room named by `key`; returns whether the connection is up. */
export function useWatchedRoom(key: string | number, room: Room): boolean {
  const [connected, setConnected] = useState(false);
  const latest = useRef(room);
  latest.current = room;

  useEffect(() => {
    const socket = getSocket();
    let everConnected = false;
    const onConnect = () => {
      setConnected(true);
      if (!socket.recovered) {
        latest.current.watch();
        if (everConnected) latest.current.onMissed();
      }
      everConnected = true;
    };
    const onDisconnect = () => setConnected(false);
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    if (socket.connected) {
      everConnected = true;
      setConnected(true);
      latest.current.watch();
    }
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      latest.current.unwatch();
    };
  }, [key]);

  return connected;
}
