/** Inputs the payroll and timesheets resources share: who is paid (technician or employee) and the paths naming them. */
import { idInput, idListInput } from "../../inputs";
import { inPath, type InputTweak, type Param } from "../../kit";
import { jobIdInput } from "../jpm/jobs";

const EMPLOYEE_COMMENTS =
  "A technician's id when Employee Type is Technician (Settings → Technicians), otherwise an office employee's id (Settings → Employees).";

/** `employeeId` of a body or filter that goes with an employeeType. */
export const employeeTweak = (comments = EMPLOYEE_COMMENTS, label = "Employee ID"): InputTweak => ({
  label,
  dataSource: "selectEmployee",
  comments,
});

export const employeeIdInput = (required: boolean, comments = EMPLOYEE_COMMENTS) =>
  idInput({ label: "Employee ID", required, dataSource: "selectEmployee", comments });

export const employeeIdsInput = (comments: string) => idListInput({ label: "Employee IDs", dataSource: "selectEmployee", comments });

/** `{employee}`, `{technician}`, `{job}` path parameters (named without the "Id" the vocabulary keys on). */
export const employeePath = (): Param =>
  inPath(
    idInput({
      label: "Employee ID",
      required: true,
      dataSource: "selectEmployee",
      comments: "The office employee (Settings → Employees).",
    }),
    "employee",
  );
export const technicianPath = (): Param =>
  inPath(
    idInput({
      label: "Technician ID",
      required: true,
      dataSource: "selectTechnician",
      comments: "The technician (Settings → Technicians).",
    }),
    "technician",
  );
export const jobPath = (): Param => inPath(jobIdInput({ required: true }), "job");
