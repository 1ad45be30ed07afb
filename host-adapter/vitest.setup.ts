import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Backstage's mockApis create their spies with `jest.fn`.
(globalThis as { jest?: unknown }).jest = vi;

afterEach(cleanup);
