import { parseArgs } from 'node:util';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createAccount } from '@/lib/users';
import { newUserSchema } from '@/lib/validation/user';

const USAGE = 'Usage: npm run user:create -- --email <email> --password <password> --role <editor|admin> [--name <name>]';

async function main(): Promise<number> {
  let options;
  try {
    ({ values: options } = parseArgs({
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const parsed = newUserSchema.safeParse(options);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.') || 'arguments'}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  try {
    const user = await createAccount(parsed.data);
    console.log(`Created ${user.role} account ${user.email}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
