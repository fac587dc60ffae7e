-- AlterEnum
ALTER TYPE "CalendarStatus" ADD VALUE 'not_granted';
