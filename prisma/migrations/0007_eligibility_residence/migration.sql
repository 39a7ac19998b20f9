-- AlterTable
ALTER TABLE "Affiliation" ADD COLUMN     "since" DATE;

-- Repair (issue 9): a verification whose provider reported no district in the city (the
-- development provider's "outside the city") used to record a confirmed city-wide residence.
-- Only the identity service writes provider claims, and it now records one only for a district
-- of the city: every provider residence without a district is one of those, and never was true.
DELETE FROM "Affiliation" WHERE "source" = 'PROVIDER' AND "kind" = 'RESIDENT' AND "districtId" IS NULL;
