// The volume part of opskit/synnefo (being built).
export {};
