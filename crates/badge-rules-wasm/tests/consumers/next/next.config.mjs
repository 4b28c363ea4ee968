// Nothing for badge-rules: the package works in Next.js without configuration.
export default {};
