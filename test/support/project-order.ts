import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { TEST_PROJECTS } from './test-projects.ts';

const RANK = new Map(Object.keys(TEST_PROJECTS).map((name, index) => [name, index]));

/**
 * Vitest's own order (within a project: unknown and failed files first, then the longest), with the projects in the
 * order of TEST_PROJECTS: the slow files start first and the many short unit files fill the gaps at the end.
 */
export default class ProjectOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => RANK.get(spec.project.name) ?? RANK.size;
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
