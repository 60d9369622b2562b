import { describe, expect, it } from 'vitest';
import { createJamfMock, MockOptionError } from '../src/index.js';

describe('seeded inventory', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = createJamfMock({ seed: 7 }).state;
    const b = createJamfMock({ seed: 7 }).state;
    const c = createJamfMock({ seed: 8 }).state;
    expect(a.computers.list()).toEqual(b.computers.list());
    expect(a.mobileDevices.list()).toEqual(b.mobileDevices.list());
    expect(a.computers.list()).not.toEqual(c.computers.list());
  });

  it('has the small default counts, and takes counts for benchmarks', () => {
    const small = createJamfMock().state;
    expect(small.computers.size).toBe(25);
    expect(small.mobileDevices.size).toBe(15);
    expect(small.departments.size).toBe(5);
    const big = createJamfMock({ counts: { computers: 10_000, mobileDevices: 0 } }).state;
    expect(big.computers.size).toBe(10_000);
    expect(big.mobileDevices.size).toBe(0);
    const serials = new Set([...big.computers.values()].map((c) => c.serialNumber));
    expect(serials.size).toBe(10_000);
  });

  it('refers only to departments and buildings that exist', () => {
    const state = createJamfMock({ seed: 3, counts: { computers: 200 } }).state;
    for (const computer of state.computers.values()) {
      expect(state.departments.get(computer.departmentId)).toBeDefined();
      expect(state.buildings.get(computer.buildingId)).toBeDefined();
    }
  });

  it('rejects counts that are not whole numbers', () => {
    expect(() => createJamfMock({ counts: { computers: -1 } })).toThrow(MockOptionError);
    expect(() => createJamfMock({ counts: { computers: 1.5 } })).toThrow(MockOptionError);
  });

  it('reset() brings back the seeded inventory', () => {
    const mock = createJamfMock({ seed: 4 });
    const original = mock.state.categories.list();
    mock.state.categories.delete(1);
    mock.reset();
    expect(mock.state.categories.list()).toEqual(original);
  });
});
