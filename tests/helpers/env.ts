// Environment for every Jest worker: a fixed auth secret (tests never touch data/auth-secret).
process.env.BETTER_AUTH_SECRET ??= "redlines-test-secret-0123456789abcdef0123456789";
process.env.BETTER_AUTH_URL ??= "http://localhost:3000";
