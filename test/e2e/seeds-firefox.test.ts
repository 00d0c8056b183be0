import { seedAcceptance } from './seed-acceptance.ts';

seedAcceptance('firefox');
