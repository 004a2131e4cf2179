"use client";
/**
 * Around a lazily loaded chunk of the phone (the code editor, training's nudges): when the
 * chunk cannot be fetched (a dropped connection, a new deployment), shows `fallback` in its
 * place instead of an empty screen.
 */
import { Component, type ReactNode } from "react";

export class ChunkBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
