/**
 * The variables a project is interpolated with, chosen as docker compose chooses them:
 * {@link dev.jcompose.environment.Environment} (an immutable, sorted set of variables), {@link
 * dev.jcompose.environment.ProjectEnvironment} ({@code --env-file}, {@code COMPOSE_ENV_FILES} or
 * {@code .env}, then the process environment, which wins), {@link dev.jcompose.environment.ProjectName}
 * ({@code -p}, {@code COMPOSE_PROJECT_NAME}, {@code name:}, the directory) and a service's {@code
 * env_file} entries ({@link dev.jcompose.environment.EnvFileRef}, {@link
 * dev.jcompose.environment.EnvFiles}).
 *
 * <p>{@link dev.jcompose.environment.DotEnv} parses {@code .env} and env files with compose-go's
 * dotenv syntax, statement by statement, including its interpolation of earlier variables (hence the
 * use of {@code dev.jcompose.interpolation}); it differs only where compose-go accepts nonsense. The
 * process environment is handed in, never read here. Used by the loader and the normaliser.
 */
package dev.jcompose.environment;
