// Reading a synthesized template in infra tests: its resources by type, and the one resource of a type.
import { expect } from 'vitest';

// Template JSON is untyped by nature.
export type Json = any;

export interface CfnResource {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export function ofType(resources: Record<string, CfnResource>, type: string): [string, CfnResource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

export function onlyOne(resources: Record<string, CfnResource>, type: string): [string, CfnResource] {
  const found = ofType(resources, type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}
